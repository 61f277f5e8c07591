// npm run bench — prints the benchmarks as JSON. BENCH_MINUTES_CHARS sets the size of the
// minutes corpus for the search benchmark (default 100 M characters, the metropolis scale).
import { benchCouncilsSearch } from './councils-search.ts'

const minutesChars = Number(process.env.BENCH_MINUTES_CHARS ?? 100_000_000)
const results = { councilsSearch: await benchCouncilsSearch(minutesChars) }
console.log(JSON.stringify(results, null, 2))
