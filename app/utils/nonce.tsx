import { createContext, useContext } from "react";

// The CSP nonce reaches <Scripts> through context; in the browser it is always empty,
// because browsers hide nonce attributes from scripts.
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
