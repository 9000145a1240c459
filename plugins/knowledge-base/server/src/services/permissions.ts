import type { Core } from "@strapi/strapi";
import { KB_TYPE_NAMES } from "../shared/content-types";
import { whenUsersPermissionsReady } from "../users-permissions-ready";

/** The read actions the public may call: list and by-slug of every collection. */
export const PUBLIC_ACTIONS = KB_TYPE_NAMES.flatMap((type) => [
  `plugin::knowledge-base.${type}.find`,
  `plugin::knowledge-base.${type}.findOne`,
]);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const grant = async (roleId: number) => {
    const permissions = strapi.db.query("plugin::users-permissions.permission");
    const granted: { action: string }[] = await permissions.findMany({
      where: { role: roleId },
      select: ["action"],
    });
    for (const action of PUBLIC_ACTIONS) {
      if (!granted.some((p) => p.action === action))
        await permissions.create({ data: { action, role: roleId } });
    }
  };

  return {
    /** Grants the users-permissions Public role the public read actions, and only those. */
    async grantPublicRead() {
      if (!strapi.plugin("users-permissions")) {
        strapi.log.warn(
          "[knowledge-base] users-permissions is not installed: the public API needs its Public role.",
        );
        return;
      }
      // On a fresh database users-permissions creates its roles (and default grants) after this bootstrap.
      await whenUsersPermissionsReady(strapi, async () => {
        const role = await strapi.db
          .query("plugin::users-permissions.role")
          .findOne({ where: { type: "public" } });
        if (role) await grant(role.id);
      });
    },
  };
};
