/**
 * bench:pack — packCase on a 10-document case whose scans were already read (target: under 5 s on
 * 2 cores), once per provider profile, each in a fresh process so its peak memory is its own. The
 * scans are realistic: 4000×3000 phone photos of ~5 MB with EXIF/GPS (one sideways), A4 scans at
 * 300 DPI. Prints wall time, CPU time and peak RSS; asserts nothing. CPU time is printed because
 * wall time on a shared machine also measures the neighbours (the load average is printed too).
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

const MB = 1024 * 1024

interface RunFigures {
  provider: string
  wall: number
  cpu: number
  rssMb: number
  files: number
  reencoded: number
  scaled: number
  largest: number
  zip: number
  ready: boolean
}

/** Child mode: pack once and print the figures as JSON. */
async function runOnce(folder: string, provider: string, output: string): Promise<void> {
  const { packCase } = await import('../../electron/services/package/pack-case')
  const cpu0 = process.cpuUsage()
  const t = performance.now()
  const outcome = await packCase(folder, { output, provider })
  const wall = (performance.now() - t) / 1000
  const cpu = process.cpuUsage(cpu0)
  const files = outcome.manifest?.files.filter((f) => f.role !== 'report') ?? []
  const figures: RunFigures = {
    provider,
    wall,
    cpu: (cpu.user + cpu.system) / 1e6,
    rssMb: process.resourceUsage().maxRSS / 1024,
    files: files.length,
    reencoded: files.filter((f) => !f.processing.passthrough).length,
    scaled: files.filter((f) => f.processing.scaled).length,
    largest: Math.max(...files.map((f) => f.bytes)),
    zip: outcome.bytes,
    ready: outcome.ready,
  }
  process.stdout.write(JSON.stringify(figures))
}

async function main(): Promise<void> {
  const { writeScannedCase } = await import('../support/pack-fixtures')
  const { packageData } = await import('../../shared/package/package-data')
  const made = performance.now()
  const folder = await writeScannedCase()
  const out = await mkdtemp(path.join(tmpdir(), 'icp-bench-pack-'))
  console.log(
    `bench:pack — 10-document case (scans already read), ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)}`,
  )
  console.log(`  fixtures written in ${((performance.now() - made) / 1000).toFixed(1)} s: ${folder}`)
  const self = path.resolve(import.meta.dirname, 'pack.ts')
  for (const provider of packageData().providers.map((p) => p.name)) {
    const json = execFileSync(process.execPath, ['--import', 'tsx', self, '--run', folder, provider, path.join(out, `${provider}.zip`)], {
      encoding: 'utf8',
    })
    const r = JSON.parse(json) as RunFigures
    console.log(
      `  ${r.provider.padEnd(8)} wall ${r.wall.toFixed(2)} s (target < 5 s), CPU ${r.cpu.toFixed(2)} s, peak RSS ${r.rssMb.toFixed(0)} MB — ` +
        `${r.files} files, ${r.reencoded} re-encoded, ${r.scaled} scaled, largest ${(r.largest / 1e6).toFixed(2)} MB, zip ${(r.zip / MB).toFixed(1)} MiB, ready ${r.ready}`,
    )
  }
  await Promise.all([folder, out].map((dir) => rm(dir, { recursive: true, force: true })))
}

const at = process.argv.indexOf('--run')
if (at >= 0) await runOnce(process.argv[at + 1] as string, process.argv[at + 2] as string, process.argv[at + 3] as string)
else await main()
