import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { type RosterChoice, useProjectChoices, useRosterChoices } from '../api/get-advance-choices';

/** A project in the caller's jurisdiction, found by name or code as one types. */
export function ProjectPicker({ value, onChange, placeholder }: { value?: string; onChange?: (id: string | undefined) => void; placeholder?: string }) {
  const [q, setQ] = useState('');
  const projects = useProjectChoices(q);
  return (
    <Select
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      filterOption={false}
      onSearch={setQ}
      loading={projects.isFetching}
      options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
      data-testid="advance-project"
    />
  );
}

/** The employers on the project's roster (the general contractor and its subcontractors who employ people there). */
export function EmployerPicker({ projectId, value, onChange, placeholder }: { projectId?: string; value?: string; onChange?: (id: string) => void; placeholder?: string }) {
  const roster = useRosterChoices(projectId);
  const employers = useMemo(() => [...new Map((roster.data?.items ?? []).map((r) => [r.employerId, r.employerName])).entries()], [roster.data]);
  return (
    <Select
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      disabled={!projectId}
      loading={roster.isFetching}
      options={employers.map(([id, name]) => ({ value: id, label: name }))}
      data-testid="advance-employer"
    />
  );
}

/** A worker of that employer on the project, by name with the masked ID number. */
export function WorkerPicker({ projectId, employerId, value, onChange, placeholder }: { projectId?: string; employerId?: string; value?: string; onChange?: (id: string) => void; placeholder?: string }) {
  const roster = useRosterChoices(projectId);
  const people = useMemo(() => {
    const seen = new Map<string, RosterChoice>();
    for (const r of roster.data?.items ?? []) if (!employerId || r.employerId === employerId) seen.set(r.workerId, r);
    return [...seen.values()];
  }, [roster.data, employerId]);
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      disabled={!projectId}
      optionFilterProp="label"
      options={people.map((p) => ({ value: p.workerId, label: `${p.name} ${p.idNumber}` }))}
    />
  );
}
