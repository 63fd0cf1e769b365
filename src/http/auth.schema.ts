/** The sign-in request, shared by validation and the OpenAPI document. */
import { z } from 'zod';

/** `POST /api/auth/login`. */
export const loginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});

/** `POST /api/me/password`: the signed-in user's own password change. */
export const passwordChangeBody = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z.string().min(1).max(1024),
  })
  .strict();
