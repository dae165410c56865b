import { Select } from 'antd';
import { useState } from 'react';
import { type ProjectChoice, useProjectChoices, useUnitChoices, useUnitNames } from '../api/get-choices';

/** A project of the caller's jurisdiction, searched by name or code as one types; `onPick` hands over the whole row. */
export function ProjectPicker({ id, value, onChange, onPick, placeholder }: { id?: string; value?: string | null; onChange?: (id: string | undefined) => void; onPick?: (p: ProjectChoice | undefined) => void; placeholder?: string }) {
  const [q, setQ] = useState('');
  const projects = useProjectChoices(q);
  const items = projects.data?.items ?? [];
  return (
    <Select
      id={id}
      allowClear
      value={value ?? undefined}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      loading={projects.isFetching}
      onChange={(v: string | undefined) => {
        onChange?.(v);
        onPick?.(items.find((p) => p.id === v));
      }}
      options={items.map((p) => ({ value: p.id, label: `${p.name}（${p.code} · ${p.regionName}）` }))}
      popupMatchSelectWidth={false}
      data-testid="case-project-picker"
    />
  );
}

interface UnitSelectProps {
  id?: string;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  /** Units to show by name before the search brings them ({id, name}). */
  known?: { id: string; name: string }[];
  testId?: string;
}

/** Government units (GET /api/gov-units) searched by name; one, or several for a task force. */
export function UnitSelect({ id, value, onChange, multiple, placeholder, known = [], testId }: UnitSelectProps) {
  const [q, setQ] = useState('');
  const units = useUnitChoices(q);
  const chosen = (Array.isArray(value) ? value : value ? [value] : []).filter((v) => !known.some((k) => k.id === v) && !units.data?.items.some((u) => u.id === v));
  const names = useUnitNames(chosen);
  const listed = new Set((units.data?.items ?? []).map((u) => u.id));
  const options = [
    ...known.filter((k) => !listed.has(k.id)).map((k) => ({ value: k.id, label: k.name })),
    ...chosen.map((v) => ({ value: v, label: names.get(v) ?? v })),
    ...(units.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name}（${u.regionName}）` })),
  ];
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      value={value ?? undefined}
      onChange={(v: string | string[] | undefined) => onChange?.(v)}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      loading={units.isFetching}
      options={options}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
