/** The largest file accepted: the seeds are under 200 KB as text and a few MB as PDF. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
