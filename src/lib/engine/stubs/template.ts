/**
 * The starting body shown in the custom-stub editor: it names the helpers and fits the
 * function's signature, so that it runs as it is and shows what to change.
 */
import type { ValType } from '../wasm/types';

interface Signature {
	module: string;
	name: string;
	params: ValType[];
	results: ValType[];
}

const ZERO_SOURCE: Record<string, string> = { i64: '0n', funcref: 'null', externref: 'null' };
const zeroSource = (type: ValType) => ZERO_SOURCE[type] ?? '0';

export const STUB_TEMPLATE = (spec: Signature): string => {
	const { params, results } = spec;
	const handle = params.indexOf('i64');
	const arg = `args[${handle}]`;
	const lines = [
		`// ${spec.module}::${spec.name} (${params.join(', ')}) → (${results.join(', ')})`,
		'// args holds the arguments (i64 as BigInt). host has readText, readJson, readBytes,',
		'// text, json, bytes (store a value, get its handle) and log.'
	];
	if (handle >= 0) {
		lines.push(`// ${arg} is i64: often a memory handle (0 means none).`);
	}
	if (results.length === 0) {
		lines.push(
			handle >= 0
				? `host.log('input:', host.readText(${arg}));`
				: "host.log('called with', ...args);"
		);
	} else if (results.length > 1) {
		lines.push('// Return one value per result, in order.');
		lines.push(`return [${results.map(zeroSource).join(', ')}];`);
	} else if (results[0] === 'i64' && handle >= 0) {
		lines.push('// Return a handle, e.g.');
		lines.push('// return host.json({ ok: true });');
		lines.push(`const input = host.readText(${arg}) ?? '';`);
		lines.push('return host.text(input.toUpperCase());');
	} else if (results[0] === 'i64') {
		lines.push("// Return a handle, e.g. return host.text('hello');");
		lines.push('// or a number as BigInt, e.g. return BigInt(Date.now());');
		lines.push('return 0n;');
	} else if (results[0] === 'i32' && handle >= 0) {
		lines.push(`const input = host.readText(${arg}) ?? '';`);
		lines.push('return input.length;');
	} else {
		lines.push(`return ${zeroSource(results[0])};`);
	}
	return lines.join('\n');
};
