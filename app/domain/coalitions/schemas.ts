// Form schemas of the coalition pages, shared by the server actions and the client forms.
// Error messages are i18n keys in the "coalitions" namespace.
import { z } from "zod";

export const actorChoice = z.object({ actorId: z.string({ required_error: "errors.chooseActor" }).uuid("errors.chooseActor") });
