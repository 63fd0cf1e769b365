/**
 * Choosing a region from the GB/T 2260 tree, starting at the user's own region (the installation's administrator
 * starts at the provinces); the levels below load as they are opened. Any level may be chosen. As a form control its
 * value is the chosen region's code.
 */
import { Cascader } from 'antd';
import { useState } from 'react';
import { getRegion, listRegions } from '../../api/regions.ts';
import type { Region } from '../../api/regions.ts';
import { useApi } from '../../hooks/useApi.ts';
import { useT } from '../../i18n/index.tsx';
import { useUser } from '../../session.tsx';
import { planMessages } from './messages.ts';

interface RegionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: RegionOption[];
}

const optionOf = (region: Region): RegionOption => ({
  value: region.code,
  label: region.name,
  isLeaf: region.level === 'county',
});

/** The tree with `children` placed under the option at `path`. */
function withChildren(options: RegionOption[], path: string[], children: RegionOption[]): RegionOption[] {
  const [head, ...rest] = path;
  return options.map((option) => {
    if (option.value !== head) return option;
    if (rest.length === 0) return { ...option, children };
    return { ...option, children: withChildren(option.children ?? [], rest, children) };
  });
}

interface RegionPickerProps {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
}

export function RegionPicker({ id, value, onChange, placeholder }: RegionPickerProps) {
  const t = useT(planMessages);
  const user = useUser();
  const roots = useApi(
    async () =>
      user.regionCode === null
        ? (await listRegions(undefined, {})).regions.map(optionOf)
        : [optionOf((await getRegion({ code: user.regionCode })).region)],
    [user.regionCode],
  );
  // Loaded levels, kept apart from the roots' answer so a reload never drops what was opened.
  const [opened, setOpened] = useState<RegionOption[] | null>(null);
  const [path, setPath] = useState<string[]>([]);
  const [loadFailed, setLoadFailed] = useState(false);
  const failed = roots.error !== null || loadFailed;
  const options = opened ?? roots.data ?? [];

  const load = async (selected: RegionOption[]) => {
    const codes = selected.map((option) => option.value);
    const parent = codes.at(-1);
    if (parent === undefined) return;
    const { regions } = await listRegions(undefined, { parent });
    setLoadFailed(false);
    setOpened((current) => withChildren(current ?? options, codes, regions.map(optionOf)));
  };

  return (
    <Cascader<RegionOption>
      id={id}
      options={options}
      value={value === undefined ? [] : path}
      loadData={(selected) => {
        load(selected).catch(() => {
          setLoadFailed(true);
        });
      }}
      changeOnSelect
      allowClear
      placeholder={failed ? t('regionLoadFailed') : placeholder}
      status={failed ? 'error' : undefined}
      onChange={(next) => {
        const codes = next as string[] | undefined;
        setPath(codes ?? []);
        onChange?.(codes?.at(-1));
      }}
      style={{ width: '100%' }}
    />
  );
}
