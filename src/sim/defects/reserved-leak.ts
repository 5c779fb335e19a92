import { bystanders } from './edit.js';
import type { Defect } from './types.js';

export const defect = {
  name: 'reserved-leak',
  where: 'server',
  does: 'EventAgentReserved is also sent to a client registered on no relevant DN.',
  breaks: 'EventAgentReserved.description.1',
  mutate: (ds, at) => {
    for (const d of ds) if (d.message.Event === 'EventAgentReserved' && d.audience === 'fanout') d.to = bystanders(at.ctx.state.clients(at.server), at.sender, []);
    return ds;
  },
} as const satisfies Defect;
