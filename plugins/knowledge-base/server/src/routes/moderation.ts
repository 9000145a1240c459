const EDITOR = { policies: ['admin::isAuthenticatedAdmin'] };

/** Editors' moderation routes: the queue, one submission, the three decisions, invitations. */
export const moderationRoutes = [
  { method: 'GET', path: '/moderation/submissions', handler: 'moderation.queue', config: EDITOR },
  { method: 'GET', path: '/moderation/submissions/:id', handler: 'moderation.findOne', config: EDITOR },
  { method: 'GET', path: '/moderation/submissions/:id/attachments/:file', handler: 'moderation.attachment', config: EDITOR },
  { method: 'POST', path: '/moderation/submissions/:id/accept', handler: 'moderation.accept', config: EDITOR },
  { method: 'POST', path: '/moderation/submissions/:id/request-changes', handler: 'moderation.requestChanges', config: EDITOR },
  { method: 'POST', path: '/moderation/submissions/:id/reject', handler: 'moderation.reject', config: EDITOR },
  { method: 'POST', path: '/moderation/invitations', handler: 'moderation.invite', config: EDITOR },
  { method: 'GET', path: '/moderation/organisations', handler: 'moderation.organisations', config: EDITOR },
];
