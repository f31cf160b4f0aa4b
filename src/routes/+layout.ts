// The playground runs only in the browser: plugins, workers and Monaco need it.
export const prerender = true;
export const ssr = false;
