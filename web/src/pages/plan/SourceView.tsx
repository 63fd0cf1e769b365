/**
 * The plan's source text with its line numbers, the numbers every item of the structure points to. A jump scrolls
 * the line into the middle of the pane (never the page around it), highlights it, and a status line says which line
 * is shown, so a screen reader hears it too. The text is rendered by React as text: markup in a document stays
 * visible characters. ~600 lines render in a few milliseconds; each line is memoised so a jump re-renders two.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import type { CSSProperties } from 'react';
import { useT } from '../../i18n/index.tsx';
import type { Jump } from './jump.tsx';
import { planMessages } from './messages.ts';

/** The lines of a source text, as the reader numbered them (src/ingest/normalise.ts splits the same way). */
export function sourceLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

const lineStyle: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: '3.5em 1fr',
  columnGap: 10,
  padding: '1px 8px',
  lineHeight: 1.7,
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  tabSize: 4,
};

const numberStyle: CSSProperties = { color: '#8c8c8c', textAlign: 'right', userSelect: 'none' };

const SourceLine = memo(function SourceLine({ n, text, active }: { n: number; text: string; active: boolean }) {
  return (
    <div
      data-line={n}
      className={active ? 'source-line-highlight' : undefined}
      aria-current={active ? 'location' : undefined}
      style={lineStyle}
    >
      <span style={numberStyle}>{n}</span>
      <span>{text === '' ? '\u00a0' : text}</span>
    </div>
  );
});

interface SourceViewProps {
  text: string;
  /** The line to show; null shows the top. */
  jump: Jump | null;
  /** The pane's height (it scrolls on its own). */
  height: CSSProperties['height'];
}

/** The document pane. */
export function SourceView({ text, jump, height }: SourceViewProps) {
  const t = useT(planMessages);
  const lines = useMemo(() => sourceLines(text), [text]);
  const pane = useRef<HTMLDivElement>(null);
  const line = jump === null || jump.line < 1 || jump.line > lines.length ? null : jump.line;

  useEffect(() => {
    const container = pane.current;
    if (container === null || jump === null) return;
    const target = container.querySelector<HTMLElement>(`[data-line="${jump.line}"]`);
    if (target === null) return;
    // The pane is the offset parent (position: relative), so offsetTop is the line's place inside it.
    container.scrollTop = Math.max(0, target.offsetTop - container.clientHeight / 3);
  }, [jump, lines]);

  const status =
    jump === null
      ? t('documentLines', { n: lines.length })
      : line === null
        ? t('lineMissing', { n: jump.line })
        : t('lineShown', { n: line, text: (lines[line - 1] ?? '').trim().slice(0, 60) });

  return (
    <section aria-label={t('document')} style={{ display: 'flex', flexDirection: 'column', height, minHeight: 0 }}>
      <div
        role="status"
        aria-live="polite"
        data-testid="source-status"
        style={{
          padding: '6px 8px',
          borderBottom: '1px solid #f0f0f0',
          color: '#595959',
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        }}
      >
        {status}
      </div>
      <div
        ref={pane}
        tabIndex={0}
        role="document"
        aria-label={t('documentLines', { n: lines.length })}
        data-testid="source-pane"
        style={{ position: 'relative', overflowY: 'auto', flex: 1, minHeight: 0, fontSize: 13, padding: '6px 0' }}
      >
        {lines.map((lineText, index) => (
          <SourceLine key={index} n={index + 1} text={lineText} active={index + 1 === line} />
        ))}
      </div>
    </section>
  );
}
