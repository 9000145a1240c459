/** Finding the contribution page's elements and filling its controls. */

export const $ = <T extends Element>(selector: string, root: ParentNode = document) => root.querySelector<T>(selector)!;
export const $$ = <T extends Element>(selector: string, root: ParentNode = document) => [...root.querySelectorAll<T>(selector)];

/** A control's value from what the API holds: nothing (null, absent) is an empty field. */
export const setValue = (id: string, value: unknown) => {
  const control = document.getElementById(id) as HTMLInputElement | null;
  if (control) control.value = value === null || value === undefined ? '' : String(value);
};

/** A control's value, trimmed; empty when the form has no such control. */
export const valueIn = (form: HTMLFormElement) => (id: string) => ($<HTMLInputElement>(`#${id}`, form)?.value ?? '').trim();
