// Proves the gate gives one verdict per target: against ONE shared `tlib-kit sim --defect X` per
// defect, ten identical `conform` runs must fail the same set of scenarios, and every printed
// Reproduce command must reproduce its scenario's failure on that same sim.
// Usage: npx tsx scripts/determinism-proof.ts [--runs n] [--seed n] [--settle ms] [--first defect,...] [--skip defect,...] [--out file.json]
// --first runs those defects first (the rest follow); --skip leaves some out (rows already measured).
import { spawn, execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const cli = join(root, "dist/cli/main.js");
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(opt("--runs") ?? 10);
const seed = opt("--seed") ?? "1";
const first = opt("--first")?.split(",") ?? [];
const skip = opt("--skip")?.split(",") ?? [];
const settle = opt("--settle");
const out = opt("--out");
const work = mkdtempSync(join(tmpdir(), "determinism-"));

// Negative inputs need resources the switch lacks; naming them lets those scenarios run too.
const unknownAgent = "agent-absent";
const profile = join(work, "profile.json");
const base = JSON.parse(readFileSync(join(root, "spec/profiles/default.json"), "utf8"));
delete base.$schema;
base.absent = { agents: [unknownAgent], calls: ["00000000deadbeef"] };
writeFileSync(profile, JSON.stringify(base));

type Report = { results: { id: string; verdict: string; reproduce?: string }[] };
const failing = new Set(["fail", "timeout", "error", "refused", "undecodable"]);

function run(cmd: string[]): Promise<number> {
  return new Promise((done) => {
    execFile("nice", cmd, { cwd: root, maxBuffer: 64 << 20 }, (err) => {
      done(err ? Number((err as { code?: number }).code ?? 1) : 0);
    });
  });
}

function startSim(defect: string): Promise<{ stop: () => void; primary: string; backup: string; control: string }> {
  const child = spawn("nice", ["node", cli, "sim", "--port", "0", "--control-port", "0",
    "--unknown-agent", unknownAgent, "--defect", defect], { cwd: root, stdio: ["ignore", "pipe", "ignore"] });
  let text = "";
  return new Promise((ok, fail) => {
    child.on("exit", (code) => fail(new Error(`sim --defect ${defect} exited ${code}: ${text}`)));
    child.stdout.on("data", (d: Buffer) => {
      text += d.toString();
      const addr = (who: string) => text.match(new RegExp(`${who}.*listening on (\\S+)`))?.[1];
      const [primary, backup, control] = [addr("primary"), addr("backup"), addr("control")];
      if (primary && backup && control) {
        child.removeAllListeners("exit");
        ok({ stop: () => child.kill("SIGTERM"), primary, backup, control });
      }
    });
  });
}

async function conform(argv: string[], file: string): Promise<Report> {
  await run(["node", cli, "conform", ...argv, "--json", file]);
  return JSON.parse(readFileSync(file, "utf8")) as Report;
}

const failSet = (r: Report) => r.results.filter((x) => failing.has(x.verdict)).map((x) => `${x.id}:${x.verdict}`).sort();

const defectList = await new Promise<string>((ok) =>
  execFile("node", [cli, "sim", "--defects"], (_e, stdout) => ok(stdout)));
const listed = defectList.trim().split("\n").map((l) => l.split("\t")[0]!);
const defects = [...first.filter((d) => listed.includes(d)), ...listed.filter((d) => !first.includes(d))].filter((d) => !skip.includes(d));

const rows: { defect: string; runs: number; distinct: number; sets: string[][]; reproduce: string }[] = [];
for (const defect of defects) {
  const sim = await startSim(defect);
  try {
    const argv = ["--target", `tcp://${sim.primary}`, "--backup", `tcp://${sim.backup}`,
      "--control", `tcp://${sim.control}`, "--profile", profile, "--seed", seed, ...(settle ? ["--settle", settle] : [])];
    const sets = new Map<string, string[]>();
    const reproduces = new Map<string, string>();
    for (let i = 0; i < runs; i++) {
      const report = await conform(argv, join(work, `${defect}-${i}.json`));
      const set = failSet(report);
      sets.set(set.join(" "), set);
      for (const r of report.results) if (failing.has(r.verdict) && r.reproduce) reproduces.set(r.reproduce, r.id);
      process.stderr.write(`${defect} run ${i + 1}/${runs}: ${set.length} failing\n`);
    }
    const bad: string[] = [];
    let n = 0;
    for (const [line, id] of reproduces) {
      const words = line.split(" ");
      if (words[0] !== "tlib-kit") { bad.push(`${id}: not a tlib-kit command`); continue; }
      const report = await conform(words.slice(2), join(work, `${defect}-repro-${n++}.json`));
      const verdict = report.results.find((r) => r.id === id)?.verdict ?? "absent";
      if (!failing.has(verdict)) bad.push(`${id}: ${verdict}`);
    }
    const row = { defect, runs, distinct: sets.size, sets: [...sets.values()],
      reproduce: bad.length ? `NO ${bad.join("; ")}` : `ok ${reproduces.size}/${reproduces.size}` };
    rows.push(row);
    console.log(`| ${defect} | ${runs} | ${row.distinct} | ${row.sets.map((s) => s.join(", ") || "(none)").join(" ≠ ")} | ${row.reproduce} |`);
  } finally {
    sim.stop();
  }
}
if (out) writeFileSync(out, JSON.stringify(rows, null, 1));
