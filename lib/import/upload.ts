// The upload's request body read with a bound: at most IMPORT_LIMITS.bytes of file plus the
// multipart envelope, counted as it arrives (a missing or false Content-Length changes nothing).
import { IMPORT_LIMITS, ImportFileError } from "./read-file";

/** The multipart body may exceed the file by this much (boundaries, headers, the other fields). */
export const UPLOAD_ENVELOPE_BYTES = 64 * 1024;
export const UPLOAD_BODY_LIMIT = IMPORT_LIMITS.bytes + UPLOAD_ENVELOPE_BYTES;

/** The uploaded file's name and bytes; an ImportFileError when there is none or it is too large. */
export async function readUpload(request: Request): Promise<{ fileName: string; bytes: Buffer }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > UPLOAD_BODY_LIMIT) throw new ImportFileError("tooLarge", { max: IMPORT_LIMITS.bytes / 1024 / 1024 });
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const part = reader ? await reader.read() : { done: true as const, value: undefined };
    if (part.done) break;
    size += part.value.length;
    if (size > UPLOAD_BODY_LIMIT) {
      await reader?.cancel();
      throw new ImportFileError("tooLarge", { max: IMPORT_LIMITS.bytes / 1024 / 1024 });
    }
    chunks.push(part.value);
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new ImportFileError("missing");
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.name === "") throw new ImportFileError("missing");
  // The name is shown and kept in the audit log: no path, no control characters, bounded.
  const fileName = file.name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || "upload";
  return { fileName, bytes: Buffer.from(await file.arrayBuffer()) };
}
