// The handover form's schema, shared by the manage page's action and its form (no server code).
// Error messages are i18n keys in the "coalitionWork" namespace.
import { z } from "zod";

export const handoverSchema = z.object({
  /** The leading actor the user represents that hands over. */
  fromActorId: z.string({ required_error: "handover.errors.chooseFrom" }).uuid("handover.errors.chooseFrom"),
  /** The participating actor that becomes lead. */
  toActorId: z.string({ required_error: "handover.errors.chooseTo" }).uuid("handover.errors.chooseTo"),
  /** What the actor handing over becomes: a supporter, or a co-lead beside the new lead. */
  afterwards: z.enum(["supporter", "colead"], { errorMap: () => ({ message: "handover.errors.chooseThen" }) }),
});
export type HandoverInput = z.infer<typeof handoverSchema>;
