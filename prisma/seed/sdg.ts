// Loads the 17 SDG goals and 169 targets from prisma/sdg.json (sources: prisma/SDG-SOURCES.md).
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { PrismaClient } from "../../lib/prisma-client";

const text = z.object({ en: z.string().min(1), nb: z.string().min(1).nullable() });
const sdgFileSchema = z.object({
  goals: z.array(
    z.object({
      code: z.string().regex(/^\d{1,2}$/),
      title: z.object({ en: z.string().min(1), nb: z.string().min(1) }),
      short: z.object({ en: z.string().min(1), nb: z.string().min(1) }),
      uri: z.string().url(),
    }),
  ).length(17),
  targets: z.array(
    z.object({ code: z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/), goal: z.string(), text, uri: z.string().url() }),
  ).length(169),
});

export type SdgFile = z.infer<typeof sdgFileSchema>;

export function readSdgFile(): SdgFile {
  const file = path.join(import.meta.dirname, "..", "sdg.json");
  return sdgFileSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

/** Inserts or updates every goal and target; safe to run on every start. */
export async function seedSdg(db: PrismaClient): Promise<{ goals: number; targets: number }> {
  const data = readSdgFile();
  const position = new Map<string, number>();
  await db.$transaction(async (tx) => {
    for (const goal of data.goals) {
      const row = {
        titleNb: goal.title.nb,
        titleEn: goal.title.en,
        shortNb: goal.short.nb,
        shortEn: goal.short.en,
        uri: goal.uri,
      };
      await tx.sdgGoal.upsert({ where: { code: Number(goal.code) }, create: { code: Number(goal.code), ...row }, update: row });
    }
    for (const target of data.targets) {
      // The file lists targets in the UN's order: numbered ones, then lettered ones.
      const sortOrder = (position.get(target.goal) ?? 0) + 1;
      position.set(target.goal, sortOrder);
      const row = { goalCode: Number(target.goal), sortOrder, textNb: target.text.nb, textEn: target.text.en, uri: target.uri };
      await tx.sdgTarget.upsert({ where: { code: target.code }, create: { code: target.code, ...row }, update: row });
    }
  }, { timeout: 60_000 });
  return { goals: data.goals.length, targets: data.targets.length };
}
