const CONTRIBUTOR = { policies: ['plugin::knowledge-base.is-contributor'] };
// Writes count against the contributor's limits before their body is read.
const WRITE = { policies: [...CONTRIBUTOR.policies, 'plugin::knowledge-base.within-submission-limits'] };
// Reads multipart bodies itself, after the policies: nobody else's files reach the disk.
const WITH_FILES = { ...WRITE, middlewares: ['plugin::knowledge-base.multipart'] };

/**
 * Member cities' routes. Accepting an invitation is open (the token is the credential); the
 * others need a users-permissions JWT of the Contributor role and a contributor profile.
 */
export const contributionRoutes = [
  { method: 'POST', path: '/contribution/invitations/accept', handler: 'contribution.acceptInvitation', config: { auth: false, policies: [] } },
  { method: 'GET', path: '/contribution/me', handler: 'contribution.me', config: CONTRIBUTOR },
  { method: 'GET', path: '/contribution/submissions', handler: 'contribution.list', config: CONTRIBUTOR },
  { method: 'POST', path: '/contribution/submissions', handler: 'contribution.create', config: WITH_FILES },
  { method: 'GET', path: '/contribution/submissions/:id', handler: 'contribution.findOne', config: CONTRIBUTOR },
  { method: 'PUT', path: '/contribution/submissions/:id', handler: 'contribution.update', config: WITH_FILES },
  { method: 'GET', path: '/contribution/submissions/:id/attachments/:file', handler: 'contribution.attachment', config: CONTRIBUTOR },
  { method: 'POST', path: '/contribution/actor-updates', handler: 'contribution.proposeActorUpdate', config: WRITE },
];
