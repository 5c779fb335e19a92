import { editEach } from './edit.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'restore-connection-names-sender',
  does: "The primary's EventRestoreConnection (ServerRole 0) names the primary itself in UserData instead of the backup.",
  breaks: 'EventRestoreConnection.attribute.UserData.0',
  mutate: (ds, at) => {
    const self = at.ctx.servers[at.server];
    if (!self) return ds;
    return editEach(ds, 'EventRestoreConnection', (m) => {
      if (m.ServerRole !== 0 || !m.UserData) return;
      m.UserData = m.UserData.map(([key, value]) => [key, key === 'backup_host' ? self.host : key === 'backup_port' ? self.port : value]);
    });
  },
});
