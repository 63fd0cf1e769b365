/**
 * Jumping from an item of the plan's structure to its line of the document: the context that carries the jump, and
 * the button every item is drawn as, so each item (heading, indicator, 专栏, commitment, mechanism, warning) is one
 * keyboard-reachable control that says which line it leads to.
 */
import { createContext, useContext } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { useT } from '../../i18n/index.tsx';
import { planMessages } from './messages.ts';

/** A request to show a line; `seq` makes a second click on the same item scroll again. */
export interface Jump {
  line: number;
  seq: number;
}

interface JumpState {
  /** The line shown highlighted in the document, if any. */
  active: number | null;
  jumpTo: (line: number) => void;
}

export const JumpContext = createContext<JumpState>({ active: null, jumpTo: () => undefined });

const buttonStyle: CSSProperties = {
  display: 'block',
  width: '100%',
  textAlign: 'left',
  background: 'none',
  border: 'none',
  borderRadius: 4,
  padding: '3px 6px',
  font: 'inherit',
  color: 'inherit',
  cursor: 'pointer',
};

const activeStyle: CSSProperties = { ...buttonStyle, background: '#e6f0fb', boxShadow: 'inset 3px 0 0 #1d4f91' };

/** An item that shows its source line when clicked; the line number is part of its accessible name. */
export function JumpButton({ line, children, testId }: { line: number; children: ReactNode; testId?: string }) {
  const t = useT(planMessages);
  const { active, jumpTo } = useContext(JumpContext);
  const current = active === line;
  return (
    <button
      type="button"
      style={current ? activeStyle : buttonStyle}
      onClick={() => {
        jumpTo(line);
      }}
      aria-current={current ? 'true' : undefined}
      title={t('jumpTo', { n: line })}
      data-testid={testId}
    >
      {children}
      <span style={{ color: '#8c8c8c', fontSize: 12, marginLeft: 8, whiteSpace: 'nowrap' }}>
        {t('lineShort', { n: line })}
      </span>
    </button>
  );
}
