import type { GroupKind, JobFamily, UnitKind } from './org.tables.ts'

export type { GroupKind, JobFamily, UnitKind }

/** Grades from the top; the PR team rule admits 主任級 and below. */
export const GRADES = [
  'bureau_head',
  'department_head',
  'section_head',
  'deputy_section_head',
  'chief',
  'staff',
] as const
export type Grade = (typeof GRADES)[number]
export const UNIT_KINDS = [
  'government',
  'bureau',
  'department',
  'section',
  'office',
  'body',
] as const satisfies readonly UnitKind[]
export const JOB_FAMILIES = [
  'administrative',
  'technical',
  'skilled',
] as const satisfies readonly JobFamily[]

export interface Unit {
  id: string
  kind: UnitKind
  parentId: string | null
  path: string
  code: string
  name: string
  nameEn: string | null
  sortOrder: number
  version: number
}

export interface Person {
  id: string
  unitId: string
  unitName: string
  unitKind: UnitKind
  name: string
  nameKana: string | null
  email: string | null
  title: string | null
  grade: Grade
  jobFamily: JobFamily
  version: number
}

export interface GroupMember {
  person: Person
  position: string
}

export interface OrgGroup {
  id: string
  kind: GroupKind
  name: string
  departmentId: string | null
  members: GroupMember[]
}

export interface PrTeamRuleResult {
  departmentId: string
  departmentName: string
  memberCount: number
  aboveChiefGrade: number
  fromOffices: number
  holds: boolean
}
