import type { LicenseId } from './disclosure.tables.ts'

/** The two licences the catalogue offers, in CKAN's license_list shape. */
export const LICENSES: Record<
  LicenseId,
  { id: LicenseId; title: string; url: string; od_conformance: string }
> = {
  'cc-by-4.0': {
    id: 'cc-by-4.0',
    title: 'Creative Commons Attribution 4.0 (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    od_conformance: 'approved',
  },
  'jp-pdl-1.0': {
    id: 'jp-pdl-1.0',
    title: '公共データ利用規約（第1.0版）(PDL1.0)',
    url: 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0',
    od_conformance: 'approved',
  },
}
