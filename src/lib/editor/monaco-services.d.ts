// Monaco modules imported only for the services they register (see loadMonaco); they ship no types.
declare module 'monaco-editor/editor/contrib/codelens/browser/codeLensCache';
declare module 'monaco-editor/editor/contrib/suggest/browser/suggestMemory';
declare module 'monaco-editor/editor/common/services/treeViewsDndService';
