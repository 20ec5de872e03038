import { describe, expect, it } from "vitest";
import { smsSegmentsOf } from "./sms-segments.ts";

const gsm = (segments: number) => ({ encoding: "GSM-7", segments });
const ucs = (segments: number) => ({ encoding: "UCS-2", segments });

describe("smsSegmentsOf", () => {
  it("fits 160 GSM-7 characters in one segment and 153 in each part of a longer message", () => {
    expect(smsSegmentsOf("a".repeat(160))).toEqual(gsm(1));
    expect(smsSegmentsOf("a".repeat(161))).toEqual(gsm(2));
    expect(smsSegmentsOf("a".repeat(306))).toEqual(gsm(2));
    expect(smsSegmentsOf("a".repeat(307))).toEqual(gsm(3));
  });

  it("fits 70 UCS-2 characters in one segment and 67 in each part of a longer message", () => {
    expect(smsSegmentsOf("á".repeat(70))).toEqual(ucs(1));
    expect(smsSegmentsOf("á".repeat(71))).toEqual(ucs(2));
    expect(smsSegmentsOf("á".repeat(134))).toEqual(ucs(2));
    expect(smsSegmentsOf("á".repeat(135))).toEqual(ucs(3));
  });

  it("switches the whole message to UCS-2 for one emoji", () => {
    const text = "Your order has shipped and will arrive tomorrow between 9 and 12.";
    expect(smsSegmentsOf(text)).toEqual(gsm(1));
    expect(smsSegmentsOf(`${text} 📦`)).toEqual(ucs(1));
    expect(smsSegmentsOf(`${text} ${text} 📦`)).toEqual(ucs(2));
  });

  it("counts the euro sign and the other extension characters twice", () => {
    expect(smsSegmentsOf("€".repeat(80))).toEqual(gsm(1));
    expect(smsSegmentsOf("€".repeat(81))).toEqual(gsm(2));
    for (const character of ["^", "{", "}", "[", "]", "~", "|", "\\"]) {
      expect(smsSegmentsOf(`${character.repeat(80)}`), character).toEqual(gsm(1));
      expect(smsSegmentsOf(`${character.repeat(80)}a`), character).toEqual(gsm(2));
    }
  });

  it("counts a line break as one character", () => {
    expect(smsSegmentsOf("1\n".repeat(80))).toEqual(gsm(1));
    expect(smsSegmentsOf(`${"1\n".repeat(80)}!`)).toEqual(gsm(2));
  });

  describe("Spanish and Portuguese", () => {
    it.each([
      "¡Hola! ¿Qué tal? Mañana te llamaré.",
      "El pingüino come en Köln à las 8.",
      "Obrigado, até logo!",
      "AÑO NUEVO: ¡FELICIDADES!",
      "Ç",
    ])("keeps %j in GSM-7, which has its accented letters", (text) => {
      expect(smsSegmentsOf(text).encoding).toBe("GSM-7");
    });

    it.each([
      ["á", "¿Dónde está mi pedido?"],
      ["í", "Buenos días"],
      ["ó", "Código de envío"],
      ["ú", "Número de cliente"],
      ["ã", "Não recebi"],
      ["õ", "Opções"],
      ["ê", "Você"],
      ["ç", "Serviço"],
      ["Á", "ÁREA"],
    ])("sends %s in UCS-2, since GSM-7 lacks it (%j)", (_letter, text) => {
      expect(smsSegmentsOf(text).encoding).toBe("UCS-2");
    });

    it("makes the same Spanish reply cost more segments once it has a letter GSM-7 lacks", () => {
      const reply =
        "Tu pedido llegara manana por la tarde. Si no estas en casa, el repartidor dejara un aviso.";
      const withEveryAccent =
        "Tu pedido llegará mañana por la tarde. Si no estás en casa, el repartidor dejará un aviso.";
      expect(smsSegmentsOf(`${reply} ${reply}`)).toEqual(gsm(2));
      expect(smsSegmentsOf(`${withEveryAccent} ${withEveryAccent}`)).toEqual(ucs(3));
    });
  });
});
