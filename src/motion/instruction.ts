/** A point named as a delegate names it: "point iii", "bullet 2", "sub-paragraph (c)". */
export interface PointRef {
  /** As written, without brackets: "iii", "2", "c". */
  label: string;
  kind: 'point' | 'bullet';
}

/** Where an instruction looks: a paragraph, a point, printed lines, or the title. */
export interface Where {
  paragraph?: number;
  point?: PointRef;
  /** Printed lines, first and last: used only to choose between equal matches. */
  lines?: [number, number];
  title?: boolean;
}

/** One instruction of an amendment, as read (or as drafted). */
export type Instruction =
  | { op: 'insertParagraph'; at: number | 'end'; text: string }
  | { op: 'insertPoint'; where: Where; at: PointRef | 'end'; text: string }
  | { op: 'deleteParagraph'; paragraph: number; text?: string }
  | { op: 'deletePoint'; where: Where; point: PointRef; text?: string }
  | { op: 'insertAt'; where: Where; side: 'after' | 'before'; anchor: string; text: string }
  | { op: 'delete'; where: Where; words: string; text?: string }
  | { op: 'deleteRange'; where: Where; from: string; to: string | 'end'; fromIncluded: boolean; text?: string }
  | { op: 'addAtEnd'; where: Where; target: 'motion' | 'resolves' | 'paragraph' | 'point'; text: string }
  | { op: 'replaceTitle'; text: string | null };

/** Quoted as a drafted amendment quotes: straight double quotes, or curly ones when the words hold a straight one. */
export function quote(text: string): string {
  if (!text.includes('"')) return `"${text}"`;
  if (!/[\u201c\u201d]/.test(text)) return `\u201c${text}\u201d`;
  return `\u2018${text}\u2019`;
}

function whereText(where: Where, withPoint = true): string {
  const parts: string[] = [];
  if (where.title) parts.push('the title');
  if (where.paragraph !== undefined) parts.push(`paragraph ${where.paragraph}`);
  if (withPoint && where.point) parts.push(`${where.point.kind} ${where.point.label}`);
  if (where.lines) parts.push(where.lines[0] === where.lines[1] ? `line ${where.lines[0]}` : `lines ${where.lines[0]}-${where.lines[1]}`);
  return parts.length === 0 ? '' : `In ${parts.join(', ')}, `;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const andInsert = (text: string | undefined) => (text === undefined ? '' : ` and insert ${quote(text)}`);

/** An instruction written out in the conventional form, as `parseAmendments` reads it back. */
export function formatInstruction(instruction: Instruction): string {
  switch (instruction.op) {
    case 'insertParagraph':
      return instruction.at === 'end' ? `Add new paragraph at end: ${quote(instruction.text)}` : `Insert new paragraph ${instruction.at}: ${quote(instruction.text)}`;
    case 'insertPoint': {
      const at = instruction.at === 'end' ? 'add new point at end' : `insert new ${instruction.at.kind} ${instruction.at.label}`;
      return capital(`${whereText(instruction.where)}${at}: ${quote(instruction.text)}`);
    }
    case 'deleteParagraph':
      return instruction.text === undefined ? `Delete paragraph ${instruction.paragraph}.` : `Replace paragraph ${instruction.paragraph} with: ${quote(instruction.text)}`;
    case 'deletePoint': {
      const point = `${instruction.point.kind} ${instruction.point.label}`;
      return capital(instruction.text === undefined ? `${whereText(instruction.where)}delete ${point}.` : `${whereText(instruction.where)}replace ${point} with: ${quote(instruction.text)}`);
    }
    case 'insertAt':
      return capital(`${whereText(instruction.where)}${instruction.side} ${quote(instruction.anchor)} insert ${quote(instruction.text)}`);
    case 'delete':
      return capital(`${whereText(instruction.where)}delete ${quote(instruction.words)}${andInsert(instruction.text)}`);
    case 'deleteRange': {
      const range = instruction.fromIncluded
        ? `delete from ${quote(instruction.from)} to ${instruction.to === 'end' ? 'the end' : quote(instruction.to)}`
        : `delete all after ${quote(instruction.from)}`;
      return capital(`${whereText(instruction.where)}${range}${andInsert(instruction.text)}`);
    }
    case 'addAtEnd': {
      const { where, target } = instruction;
      if (target === 'point' && where.point) return capital(`${whereText(where, false)}add at end of ${where.point.kind} ${where.point.label}: ${quote(instruction.text)}`);
      if (target === 'paragraph') return `Add at end of paragraph ${where.paragraph}: ${quote(instruction.text)}`;
      return `Add at end${target === 'resolves' ? ' of the resolves' : ''}: ${quote(instruction.text)}`;
    }
    case 'replaceTitle':
      return instruction.text === null ? 'Delete the title.' : `Replace the title with: ${quote(instruction.text)}`;
  }
}
