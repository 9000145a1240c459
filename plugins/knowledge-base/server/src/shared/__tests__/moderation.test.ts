// Which decisions each submission status allows, as the admin page reads them: derived from EDITOR_ACTIONS, the table the API enforces.
import { EDITOR_ACTIONS, SUBMISSION_STATUSES, WAITING_FOR_EDITOR, allowedActions, type EditorAction } from '../moderation';

describe('allowedActions', () => {
  it('allows every decision on what waits for an editor, only rejection while changes are requested, none once decided', () => {
    expect(Object.fromEntries(SUBMISSION_STATUSES.map((status) => [status, allowedActions(status)]))).toEqual({
      submitted: ['accept', 'request-changes', 'reject'],
      resubmitted: ['accept', 'request-changes', 'reject'],
      'changes-requested': ['reject'],
      accepted: [],
      rejected: [],
    });
  });

  it('says of every status and decision what EDITOR_ACTIONS says', () => {
    for (const status of SUBMISSION_STATUSES)
      for (const action of Object.keys(EDITOR_ACTIONS) as EditorAction[])
        expect({ status, action, allowed: allowedActions(status).includes(action) }).toEqual({
          status,
          action,
          allowed: (EDITOR_ACTIONS[action].from as readonly string[]).includes(status),
        });
  });

  it('counts as waiting for an editor what can still be accepted', () => {
    expect(WAITING_FOR_EDITOR).toEqual(['submitted', 'resubmitted']);
    expect(SUBMISSION_STATUSES.filter((status) => allowedActions(status).includes('accept'))).toEqual(WAITING_FOR_EDITOR);
  });
});
