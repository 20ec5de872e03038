import { describe, expect, it } from "vitest";
import { checkFile, maximumFileBytes, uploadProblem } from "./file-check.ts";

describe("checkFile", () => {
  it("takes images, PDFs and text files by their declared type", () => {
    expect(checkFile({ name: "receipt.png", type: "image/png", size: 1200 })).toEqual({
      mediaType: "image/png",
      problem: null,
    });
    expect(checkFile({ name: "invoice.pdf", type: "application/pdf", size: 1 }).mediaType).toBe(
      "application/pdf",
    );
    expect(checkFile({ name: "notes", type: "text/plain;charset=utf-8", size: 5 }).mediaType).toBe(
      "text/plain",
    );
    expect(checkFile({ name: "photo", type: "image/jpg", size: 5 }).mediaType).toBe("image/jpeg");
  });

  it("falls back to the extension when the browser gives no type", () => {
    expect(checkFile({ name: "photo.JPG", type: "", size: 5 }).mediaType).toBe("image/jpeg");
    expect(checkFile({ name: "log.txt", type: "", size: 5 }).mediaType).toBe("text/plain");
    expect(checkFile({ name: "archive.zip", type: "", size: 5 }).problem).toBe("fileTypeNotAccepted");
    expect(checkFile({ name: "no-extension", type: "", size: 5 }).problem).toBe("fileTypeNotAccepted");
  });

  it("refuses other types, whatever the name says", () => {
    expect(checkFile({ name: "page.png", type: "text/html", size: 5 }).problem).toBe("fileTypeNotAccepted");
    expect(checkFile({ name: "drawing.svg", type: "image/svg+xml", size: 5 }).problem).toBe(
      "fileTypeNotAccepted",
    );
  });

  it("refuses files over 10 MiB and empty files", () => {
    expect(checkFile({ name: "a.png", type: "image/png", size: maximumFileBytes }).problem).toBeNull();
    expect(checkFile({ name: "a.png", type: "image/png", size: maximumFileBytes + 1 }).problem).toBe(
      "fileTooLarge",
    );
    expect(checkFile({ name: "a.txt", type: "text/plain", size: 0 }).problem).toBe("fileEmpty");
  });
});

describe("uploadProblem", () => {
  it("explains each refusal the upload route gives", () => {
    expect(uploadProblem(0)).toBe("uploadFailed");
    expect(uploadProblem(413)).toBe("fileTooLarge");
    expect(uploadProblem(415)).toBe("fileUnreadable");
    expect(uploadProblem(422)).toBe("tooManyFiles");
    expect(uploadProblem(429)).toBe("tooManyMessages");
    expect(uploadProblem(404)).toBe("unavailable");
    expect(uploadProblem(503)).toBe("unavailable");
  });
});
