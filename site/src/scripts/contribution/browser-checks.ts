/** The browser's own checks of a form's controls, said in the page's words rather than the browser's. */
import { $$ } from './elements';
import type { PageBase } from './page';
import type { Problem } from './messages';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Controls the contributor fills in: not the honeypot, hidden rows, checkboxes (their fieldset speaks for them) or files (checked apart). */
const checked = (control: Control) => control.id && !control.closest('[hidden], .hp') && control.type !== 'checkbox' && control.type !== 'file';

const problemOf = (t: PageBase['t'], control: Control): string => {
  const v = control.validity;
  const max = 'maxLength' in control && control.maxLength > 0 ? control.maxLength : 0;
  if (v.valueMissing) return t('error.required');
  if (max && control.value.length > max) return t('error.tooLong', { max });
  if (v.typeMismatch) return control.type === 'email' ? t('error.email') : t('error.url');
  if (v.patternMismatch) return t('error.country');
  if (v.badInput || v.rangeUnderflow || v.rangeOverflow || v.stepMismatch) {
    const input = control as HTMLInputElement;
    return input.min ? t('error.range', { min: input.min, max: input.max }) : t('error.number');
  }
  if (v.tooShort) return t('passwordHint');
  return '';
};

export const checkControls = (t: PageBase['t'], form: HTMLFormElement): Problem[] =>
  $$<Control>('input, textarea, select', form).flatMap((control) => {
    const message = checked(control) ? problemOf(t, control) : '';
    return message ? [{ id: control.id, message }] : [];
  });
