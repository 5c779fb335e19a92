import { bystanders } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'private-info-leak',
  where: 'server',
  does: 'EventPrivateInfo is also sent to a client that neither requested it nor is registered on the device.',
  breaks: 'EventPrivateInfo.distribution.0',
  mutate: (ds, at) => {
    for (const d of ds) if (d.message.Event === 'EventPrivateInfo' && d.audience === 'fanout') d.to = bystanders(at.ctx.state.clients(at.server), at.sender, []);
    return ds;
  },
} as const satisfies Defect;
