// Request bodies are read here, whole and bounded, before anything parses them. Remix would
// otherwise parse a form of any size (a 60 MiB POST once cost 570 MiB of memory and echoed
// the field back), and the forms of this portal fit in a few kilobytes.
import type { Request, RequestHandler, Response } from "express";
import { refuse as answer } from "./refusals";

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

export interface BodyLimitOptions {
  limitBytes: number;
  /** Whether the route takes only forms (JSON or text on them is 415, not a parse error). */
  formsOnly: (req: Request) => boolean;
}

function refuse(req: Request, res: Response, status: 413 | 415, limitBytes: number): void {
  // The rest of the body is never read: the connection cannot carry another request after it.
  answer(req, res, status, status === 413 ? "tooLarge" : "unsupportedType", {
    values: { kilobytes: Math.floor(limitBytes / 1024) },
    headers: { Connection: "close" },
  });
}

/** Leaves the body in res.locals.body (a Buffer) for the Remix handler, or refuses it. */
export function boundedBody({ limitBytes, formsOnly }: BodyLimitOptions): RequestHandler {
  return (req, res, next) => {
    const declared = req.headers["content-length"];
    const hasBody = req.headers["transfer-encoding"] !== undefined || (declared !== undefined && declared !== "0");
    if (req.method === "GET" || req.method === "HEAD" || !hasBody) return next();

    const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (formsOnly(req) && !FORM_TYPES.has(type)) {
      req.log.warn({ contentType: type || null }, "request body refused: not a form");
      return refuse(req, res, 415, limitBytes);
    }
    const tooLarge = () => {
      req.log.warn({ limitBytes }, "request body refused: too large");
      refuse(req, res, 413, limitBytes);
    };
    if (declared !== undefined && Number(declared) > limitBytes) return tooLarge();

    // Chunked bodies announce no length: count what arrives and stop at the limit.
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) {
        chunks.push(chunk);
        return;
      }
      settled = true;
      req.off("data", onData);
      req.pause();
      tooLarge();
    };
    req.on("data", onData);
    req.once("end", () => {
      if (settled) return;
      settled = true;
      res.locals.body = Buffer.concat(chunks, size);
      next();
    });
    req.once("error", (error) => {
      if (settled) return;
      settled = true;
      next(error);
    });
  };
}
