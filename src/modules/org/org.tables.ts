import type { ColumnType, Generated } from 'kysely'

export type UnitKind = 'government' | 'bureau' | 'department' | 'section' | 'office' | 'body'
export type JobFamily = 'administrative' | 'technical' | 'skilled'
export type GroupKind = 'hq' | 'subcommittee' | 'review_team' | 'pr_team'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export interface UnitsTable {
  id: Generated<string>
  kind: UnitKind
  parent_id: string | null
  path: string
  code: string
  name: string
  name_en: string | null
  sort_order: Generated<number>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface PeopleTable {
  id: Generated<string>
  unit_id: string
  name: string
  name_kana: string | null
  email: string | null
  title: string | null
  grade: string
  job_family: JobFamily
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface OrgGroupsTable {
  id: Generated<string>
  kind: GroupKind
  name: string
  department_id: string | null
  created_at: Timestamp
}

export interface OrgGroupMembersTable {
  group_id: string
  person_id: string
  position: string
}

export interface OrgTables {
  units: UnitsTable
  people: PeopleTable
  org_groups: OrgGroupsTable
  org_group_members: OrgGroupMembersTable
}
