import { parseChecklist } from '../../src/checklist/parseChecklist.js';
import { runStatus } from '../../src/checklist/runStatus.js';
import { checklistToJson, renderChecklistMarkdown, renderChecklistText } from '../../src/render/checklistView.js';
import { makeTheme } from '../../src/render/theme.js';

const text = `---
id: after
title: After the meeting
when: The week after.
summary: Report back.
sources:
  - "A source"
---

- [ ] Write it up {#write-up}
  While it is fresh.

## Report outline

- Who went:
- What we voted for:
`;

describe('a checklist with a closing section', () => {
  test('Markdown ends with the closing section, after the sources; text and JSON carry it too', async () => {
    const { checklist } = await parseChecklist(text, '/c/after.md', 'bundled');
    const status = runStatus(checklist, 'default', undefined);
    const markdown = renderChecklistMarkdown(checklist, status, new Map());
    expect(markdown).toContain('- [ ] Write it up\n  While it is fresh.\n');
    expect(markdown.endsWith('## Sources\n\n- A source\n\n## Report outline\n\n- Who went:\n- What we voted for:\n')).toBe(true);

    const plain = renderChecklistText(checklist, status, makeTheme(false), 80);
    expect(plain).toMatch(/write-up\n\nREPORT OUTLINE\n\n- Who went:\n- What we voted for:\n$/);
    expect(checklistToJson(checklist, status, undefined).closing).toBe('## Report outline\n\n- Who went:\n- What we voted for:');
  });

  test('a checklist without one renders as before: the sources come last', async () => {
    const { checklist } = await parseChecklist(text.replace(/\n## Report outline[\s\S]*$/, '\n'), '/c/after.md', 'bundled');
    const markdown = renderChecklistMarkdown(checklist, runStatus(checklist, 'default', undefined), new Map());
    expect(markdown.endsWith('## Sources\n\n- A source\n')).toBe(true);
  });
});
