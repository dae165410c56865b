import { Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { enterpriseTypeLabels, labelOf } from '../../../lib/labels';
import { useEnterpriseOptions, useGovUnitOptions } from '../api/get-party-options';
import { m } from '../messages';

/** The text typed into a picker, settled for 300 ms before it is searched. */
function useSettled(value: string, ms = 300) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

interface Known {
  id: string;
  name: string;
}

interface PickerProps {
  /** Set by Form.Item (e.g. `project_ownerId`). */
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Labels for values the form starts with, so they show before any search. */
  known?: Known[];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
}

/** An enterprise of the registry, searched by name or credit code (active ones only). */
export function EnterprisePicker({ type, ...props }: PickerProps & { type?: string }) {
  const { t, lang } = useI18n();
  const [typed, setTyped] = useState('');
  const q = useSettled(typed.trim());
  const found = useEnterpriseOptions(q, type, !props.disabled);
  const options = useMemo(() => {
    const seen = new Map<string, { value: string; label: string }>();
    for (const k of props.known ?? []) seen.set(k.id, { value: k.id, label: k.name });
    for (const e of found.data ?? []) seen.set(e.id, { value: e.id, label: `${e.name}（${labelOf(enterpriseTypeLabels, e.type, lang)} ${e.creditCode}）` });
    return [...seen.values()];
  }, [found.data, props.known, lang]);
  return (
    <Select
      id={props.id}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear={props.allowClear}
      disabled={props.disabled}
      placeholder={props.placeholder ?? t(m.typeToSearch)}
      options={options}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? <Spin size="small" /> : t(m.notFoundOption)}
      onOpenChange={(open) => !open && setTyped('')}
    />
  );
}

/** A government department (the competent department of a project). */
export function GovUnitPicker(props: PickerProps) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const q = useSettled(typed.trim());
  const found = useGovUnitOptions(q, !props.disabled);
  const options = useMemo(() => {
    const seen = new Map<string, { value: string; label: string }>();
    for (const k of props.known ?? []) seen.set(k.id, { value: k.id, label: k.name });
    for (const u of found.data ?? []) seen.set(u.id, { value: u.id, label: `${u.name}（${u.regionName}）` });
    return [...seen.values()];
  }, [found.data, props.known]);
  return (
    <Select
      id={props.id}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear={props.allowClear}
      disabled={props.disabled}
      placeholder={props.placeholder}
      options={options}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? <Spin size="small" /> : t(m.notFoundOption)}
      onOpenChange={(open) => !open && setTyped('')}
    />
  );
}
