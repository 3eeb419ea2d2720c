# One instance of the portal. Run as many as needed behind a load balancer, all pointing at one
# PostgreSQL (DATABASE_URL): sessions, rate limits, the mail outbox and the audit log live there.
# Build: docker build -t alliance-portal .   Run: see docker-compose.yml.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

# Every dependency, for the build.
FROM base AS deps
COPY package.json package-lock.json ./
RUN npm ci

# Remix build (build/index.js, public/build) and the bundled Express server (build/server.js).
FROM deps AS build
COPY . .
RUN npm run build

# Production dependencies only: no compiler, test runner or browser tooling in the image.
FROM base AS production-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3000
# The code stays owned by root: the unprivileged user can read it, not change it.
COPY --from=production-deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY drizzle ./drizzle
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public
# Without DATABASE_URL the instance keeps an embedded database and mail files in ./data, the
# one folder it may write to (mount a volume there to keep them).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# The slim image has no curl: Node's own fetch asks the liveness endpoint.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself, so it drains requests and closes the pool.
CMD ["node", "build/server.js"]
