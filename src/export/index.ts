/** Sagaboard's exports (JSON, Mermaid, AsyncAPI, SVG): pure TypeScript, shared by the app and the command line. */
export { toJson } from './json.ts';
export { toMermaid } from './mermaid.ts';
export { traceToMermaid } from './mermaidSequence.ts';
export { toAsyncApi, asyncApiFiles, asyncApiDocuments, ASYNCAPI_VERSION, API_VERSION, type AsyncApiFile } from './asyncapi.ts';
export { sceneOfDocument, annotationsOf, annotationCorners, type Scene, type SceneNode, type SceneEdge, type SceneNote, type SceneGroup } from './scene.ts';
export { toSvg, type SvgOptions } from './svg.ts';
export { ExportRefused, EMPTY_DESIGN } from './refusal.ts';
export { fileSlugOf } from './names.ts';
export type { EdgeFamily, EdgeLook, NodeFlags } from './look.ts';
