// The directory's query schemas, for loaders: Remix leaves `.server` modules out of the browser
// build, so a public page importing its schemas from here ships no zod (about 14 KB gzip) when
// its component draws no form that needs them. Components use ./public-values.
export * from "./public-query";
