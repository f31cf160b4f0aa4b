import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const check = (env: Record<string, string>) => {
	try {
		execFileSync(process.execPath, ['scripts/ensure-wasm-toolchain.mjs', '--check'], {
			env: { ...process.env, ...env },
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe']
		});
		return { ok: true, message: '' };
	} catch (e) {
		return { ok: false, message: (e as { stderr: string }).stderr };
	}
};

describe('ensure-wasm-toolchain --check', () => {
	it('passes on this machine, where the debugger fixtures build', () => {
		expect(check({})).toEqual({ ok: true, message: '' });
	});

	it('names what is missing and the command that installs it, without installing', () => {
		const { ok, message } = check({ RUSTC_PATH: '/nonexistent/rustc' });
		expect(ok).toBe(false);
		expect(message).toContain('rustc (/nonexistent/rustc) (rustc)');
		expect(message).toContain('node scripts/ensure-wasm-toolchain.mjs');
		expect(message).toMatch(/apt-get install -y rustc libstd-rust-dev-wasm32 lld clang wasi-libc/);
	});
});
