// Hands bytes or text to the browser as a file download (plugin output is never opened).
export function saveFile(name: string, data: BlobPart, type = 'application/octet-stream') {
	const url = URL.createObjectURL(new Blob([data], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.click();
	// The download has started by the next task; the URL is no longer needed after that.
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
