/** Partners: the guide's actors, fetched once when a partner field is first used, offered as suggestions and matched by name. */
import { $ } from './elements';

export interface Actor {
  slug: string;
  name: string;
}
export type GuideActors = () => Promise<Actor[]>;

/** The guide's actors, fetched once; on failure none (partners then go as names) and the next call tries again. */
export function guideActors(url: string): GuideActors {
  let list: Promise<Actor[]> | undefined;
  return () =>
    (list ??= fetch(url)
      .then((response) => (response.ok ? (response.json() as Promise<Actor[]>) : Promise.reject(new Error(String(response.status)))))
      .catch(() => {
        list = undefined;
        return [];
      }));
}

/** Fills the partner fields' suggestions when one of them first takes the focus. */
export function suggestPartners(root: HTMLElement, actors: GuideActors): void {
  const fill = (list: Actor[]) =>
    $('#c-actors', root).replaceChildren(
      ...list.map((actor) => {
        const option = document.createElement('option');
        option.value = actor.name;
        return option;
      }),
    );
  $('[data-rows="partners"]', root).addEventListener('focusin', () => void actors().then(fill), { once: true });
}
