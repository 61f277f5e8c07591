// Portal search over published minutes. BENCH_MINUTES_CHARS sets the size of the minutes
// corpus (default 1 M characters; the metropolis scale is 100 M, which takes over an hour to index).
import { benchCouncilsSearch } from './councils-search.ts'

export default () => benchCouncilsSearch(Number(process.env.BENCH_MINUTES_CHARS ?? 1_000_000))
