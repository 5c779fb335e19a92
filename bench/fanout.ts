export async function runFanout(_quick: boolean): Promise<unknown> {
  console.log('\nfan-out: the simulator (src/sim/index.ts, startSimulator) has not landed yet; not measured');
  return { available: false };
}
