import { describe, expect, it } from 'vitest';
import { HARDWARE_ERROR } from '../../src/sim/index.js';
import { useSim } from './fixture.js';
import { heard, registerDn } from './wire-client.js';

const f = useSim();

describe('switch faults', () => {
  it('report EventHardwareError with ErrorCode and ThisDN to the clients on that DN only', async () => {
    const sim = await f.start({ pair: false });
    const onDn = await f.client();
    const bystander = await f.client();
    await registerDn(onDn, '7001');
    await registerDn(bystander, '7002');
    sim.ctl.switchFault('checksum', { ThisDN: '7001' });
    const err = await onDn.waitFor((m) => m.Event === 'EventHardwareError');
    expect(err).toMatchObject({ ErrorCode: HARDWARE_ERROR.checksum, ThisDN: '7001' });
    expect(err.time).toBeDefined();
    expect(await heard(bystander, 'EventHardwareError')).toBe(false);
  });

  it('place a fault named by ConnID on the call DN and report both', async () => {
    const sim = await f.start({ pair: false });
    const connId = sim.ctl.addCall({ ThisDN: '7003' });
    const onDn = await f.client();
    await registerDn(onDn, '7003');
    sim.ctl.switchFault('missing-attributes', { ConnID: connId });
    expect(await onDn.waitFor((m) => m.Event === 'EventHardwareError')).toMatchObject({ ErrorCode: HARDWARE_ERROR['missing-attributes'], ThisDN: '7003', ConnID: connId });
  });

  it('report a fault with no known DN to every client of the primary, not the backup', async () => {
    const sim = await f.start();
    const a1 = await f.client();
    const a2 = await f.client();
    const b = await f.client(sim.backup!.port);
    sim.ctl.switchFault('incomplete-flow');
    for (const c of [a1, a2]) expect(await c.waitFor((m) => m.Event === 'EventHardwareError')).toMatchObject({ ErrorCode: HARDWARE_ERROR['incomplete-flow'] });
    expect(await heard(b, 'EventHardwareError')).toBe(false);
  });

  it('refuse an unknown fault kind', async () => {
    const sim = await f.start({ pair: false });
    expect(() => sim.ctl.switchFault('meltdown' as 'checksum')).toThrow(/checksum, missing-attributes or incomplete-flow/);
  });
});
