import { otherServer } from '../pair-state.js';
import { serverDefect } from './server-defect.js';

export const defect = serverDefect({
  name: 'primary-changed-from-old-primary',
  does: 'At a switchover the old primary also sends EventPrimaryChanged to its clients.',
  breaks: 'EventPrimaryChanged.description.0',
  mutate: (ds, at) => {
    if (at.action !== 'switchover') return ds;
    const old = [...at.ctx.state.clients(otherServer(at.ctx.state.primary))];
    return ds.flatMap((d) => (d.message.Event === 'EventPrimaryChanged' ? [d, { audience: 'fanout' as const, to: old, message: { ...d.message } }] : [d]));
  },
});
