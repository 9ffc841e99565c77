import * as z from 'zod/mini';
import type { CallingTemplateKind, TemplateSummary } from './template-types';
import { compact } from './resource-context';

const Button = z.looseObject({
  type: z.string(),
  text: z.optional(z.string()),
  ttl_minutes: z.optional(z.number()),
});
const Component = z.looseObject({
  type: z.string(),
  text: z.optional(z.string()),
  buttons: z.optional(z.array(Button)),
});
const Template = z.looseObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.optional(z.string()),
  components: z.optional(z.array(Component)),
  rejected_reason: z.optional(z.nullable(z.string())),
  quality_score: z.optional(z.nullable(z.looseObject({ score: z.optional(z.string()) }))),
});

/**
 * Reads one item of a template listing, or `undefined` when it lacks the basics. Component and
 * button types are compared case-insensitively: Meta writes `voice_call` and `VOICE_CALL`.
 */
export function parseTemplate(item: unknown): TemplateSummary | undefined {
  const parsed = Template.safeParse(item);
  if (!parsed.success) return undefined;
  const template = parsed.data;
  const components = template.components ?? [];
  const isType = (type: string, wanted: string) => type.toLowerCase() === wanted;
  const callButton = components
    .filter((component) => isType(component.type, 'buttons'))
    .flatMap((component) => component.buttons ?? [])
    .find((button) => isType(button.type, 'voice_call'));
  const asksPermission = components.some((component) =>
    isType(component.type, 'call_permission_request'),
  );
  const textOf = (type: string) =>
    components.find((component) => isType(component.type, type))?.text;
  const kind: CallingTemplateKind | undefined = asksPermission
    ? 'call_permission_request'
    : callButton
      ? 'call_invite'
      : undefined;
  return compact({
    id: template.id,
    name: template.name,
    language: template.language,
    status: template.status.toLowerCase(),
    category: template.category?.toLowerCase() ?? 'unknown',
    kind,
    bodyText: textOf('body'),
    buttonText: callButton?.text,
    ttlMinutes: callButton?.ttl_minutes,
    headerText: textOf('header'),
    footerText: textOf('footer'),
    rejectedReason: reasonOf(template.rejected_reason),
    qualityScore: template.quality_score?.score?.toLowerCase(),
  });
}

// Listings say `NONE` for templates that were never rejected.
function reasonOf(reason: string | null | undefined): string | undefined {
  const given = reason?.trim();
  return given && given.toUpperCase() !== 'NONE' ? given : undefined;
}
