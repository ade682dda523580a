// Side-effect style imports (Element Plus's stylesheet, our own CSS) resolved by Vite.
declare module '*.css';
