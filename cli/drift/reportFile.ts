import { z } from 'zod';
import type { DriftReport } from './report';

/**
 * A JSON report read back (`zcc-pulumi drift --report <file>`): written by a job that ran a pull request's code, so
 * it is hostile input. Its shape is checked, its counts are recomputed from its lists (a report cannot call itself
 * clean while it lists drift), and everything in it is then rendered as escaped text like a live report.
 */
const text = z.string().max(10_000);
const values = z.array(z.unknown()).max(10_000);
const fieldChange = z.object({
  field: text,
  old: z.unknown().optional(),
  new: z.unknown().optional(),
  added: values.optional(),
  removed: values.optional(),
  summary: text.optional(),
  names: z.record(text, text).optional(),
});
const entry = { kind: text, name: text, urn: text, fields: z.array(fieldChange).max(10_000) };
/** Warnings and refusals: a resource and one message about it. */
const messages = z.array(z.object({ kind: text, name: text, urn: text, message: text })).max(100_000);
const reportSchema = z.object({
  version: z.literal(1),
  stack: text,
  drift: z.array(z.object({ ...entry, change: z.enum(['modified', 'deleted']), because: text.optional() })).max(100_000),
  pending: z
    .array(z.object({ ...entry, op: z.enum(['create', 'update', 'replace', 'delete']), deletedFirst: z.boolean().optional(), effect: text.optional() }))
    .max(100_000),
  warnings: messages.default([]),
  refusals: messages.optional(),
  routing: z
    .array(
      z.object({
        urn: text,
        kind: text,
        name: text,
        id: text.optional(),
        inputs: z.record(z.string(), z.unknown()),
        recorded: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .max(100_000)
    .optional(),
});

export function parseReport(json: string, source: string): DriftReport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source} is not JSON (${(error as Error).message}).`);
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${source} is not a zcc-pulumi drift report (version 1): at ${issue.path.join('.') || 'the top'}, ${issue.message}.`);
  }
  const report = parsed.data;
  return {
    ...report,
    clean: report.drift.length === 0 && report.pending.length === 0,
    summary: { drift: report.drift.length, pending: report.pending.length },
  } as DriftReport;
}
