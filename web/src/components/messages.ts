import { defineMessages } from '../i18n/index.tsx';

/** Texts of the shared components. */
export const componentMessages = defineMessages({
  zh: {
    loading: '正在加载…',
    empty: '暂无数据',
    retry: '重试',
    errorTitle: '出错了',
    where: '位置',
    sheet: '工作表',
    row: '第 {n} 行',
    column: '列',
    line: '原文第 {n} 行',
    item: '第 {n} 项',
    field: '字段',
    file: '文件',
    redLine: '红线预警',
  },
  en: {
    loading: 'Loading…',
    empty: 'No data',
    retry: 'Retry',
    errorTitle: 'Something went wrong',
    where: 'Where',
    sheet: 'sheet',
    row: 'row {n}',
    column: 'column',
    line: 'line {n} of the document',
    item: 'item {n}',
    field: 'field',
    file: 'file',
    redLine: 'Red-line warning',
  },
});
