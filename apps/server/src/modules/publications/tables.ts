import type { TPublicationFileRole, TPublicationKind, TPublicationStatus } from '@tongxin/contracts';

export type PublicationRow = {
  id: string;
  owner_organization_id: string;
  kind: TPublicationKind;
  title: string;
  summary: string;
  /** Plain text or simple Markdown. */
  body: string;
  /** Beijing date; null only on a draft that has none yet. */
  published_on: string | null;
  status: TPublicationStatus;
  issue_number: string | null;
  issue_total: number | null;
  copies_printed: number | null;
  report_year: number | null;
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  first_published_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
};

export type PublicationFileRow = {
  id: string;
  publication_id: string;
  role: TPublicationFileRole;
  kind: 'photo' | 'document';
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_path: string;
  created_at: string;
  created_by: string;
};

export type PublicationTables = {
  publications: PublicationRow;
  publication_files: PublicationFileRow;
};
