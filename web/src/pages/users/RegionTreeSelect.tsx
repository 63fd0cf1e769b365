/**
 * A region picker limited to a manager's subtree: the tree opens at their region (every province for the system
 * administrator) and loads each level when it is opened, from GET /api/regions. Regions of the wrong level for the
 * role being granted can be opened but not chosen.
 */
import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { listRegions } from '../../api/regions.ts';
import type { RegionLevel } from '../../api/regions.ts';
import { useBilingual } from '../../i18n/index.tsx';
import type { Bilingual } from '../../i18n/index.tsx';

/** A region the picker knows: enough to draw its node. */
export interface PickedRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

interface RegionTreeSelectProps {
  /** The region the tree starts at; null: every province. */
  root: { code: string; name: string; level: string } | null;
  /** Which regions may be chosen (default: all). */
  selectable?: (level: RegionLevel) => boolean;
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  /** Told the chosen region, so a form can check its level. */
  onPick?: (region: PickedRegion | undefined) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}

const TOP = '__top__';
const LEVELS: readonly string[] = ['country', 'province', 'city', 'county'];
const asLevel = (level: string): RegionLevel => (LEVELS.includes(level) ? (level as RegionLevel) : 'county');

export function RegionTreeSelect({ root, selectable, value, onChange, onPick, ...rest }: RegionTreeSelectProps) {
  const text = useBilingual();
  const [regions, setRegions] = useState<ReadonlyMap<string, PickedRegion>>(new Map());
  const [failure, setFailure] = useState<Bilingual | null>(null);
  const rootCode = root?.code ?? null;

  const add = (found: readonly PickedRegion[]) => {
    setRegions((known) => {
      const next = new Map(known);
      for (const region of found) next.set(region.code, region);
      return next;
    });
  };

  // The two levels below a manager's region at once (a province: a dozen requests), so typing 定襄 finds 定襄县; the
  // system administrator's tree, all of China, loads a level at a time as it is opened.
  useEffect(() => {
    let live = true;
    const load = async () => {
      const { regions: first } = await listRegions(undefined, rootCode === null ? {} : { parent: rootCode });
      const below =
        rootCode === null
          ? []
          : await Promise.all(
              first
                .filter((region) => region.level !== 'county')
                .map(async (region) => (await listRegions(undefined, { parent: region.code })).regions),
            );
      if (live) add([...first, ...below.flat()]);
    };
    load().catch((error: unknown) => {
      if (live && error instanceof ApiError) setFailure(error.body.message);
    });
    return () => {
      live = false;
    };
  }, [rootCode]);

  // Every region known so far: the top (from the manager's scope) and the levels loaded below it.
  const known = useMemo(() => {
    const all = new Map(regions);
    if (root !== null) {
      all.set(root.code, { code: root.code, name: root.name, level: asLevel(root.level), parentCode: null });
    }
    return all;
  }, [root, regions]);

  const treeData = useMemo(
    () =>
      [...known.values()].map((region) => ({
        id: region.code,
        pId: region.code === rootCode || region.parentCode === null ? TOP : region.parentCode,
        value: region.code,
        title: region.name,
        isLeaf: region.level === 'county',
        selectable: selectable?.(region.level) ?? true,
      })),
    [known, rootCode, selectable],
  );

  return (
    <TreeSelect
      {...rest}
      value={value ?? undefined}
      onChange={(code: string | undefined) => {
        onChange?.(code);
        onPick?.(code === undefined ? undefined : known.get(code));
      }}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: TOP }}
      treeData={treeData}
      treeDefaultExpandedKeys={rootCode === null ? [] : [rootCode]}
      loadData={async (node) => {
        const code = String(node.value);
        if ([...known.values()].some((region) => region.parentCode === code)) return;
        const { regions: found } = await listRegions(undefined, { parent: code });
        add(found);
      }}
      showSearch={{ treeNodeFilterProp: 'title' }}
      status={failure === null ? undefined : 'error'}
      notFoundContent={failure === null ? undefined : text(failure)}
      popupMatchSelectWidth={false}
    />
  );
}
