<#--
  digest.txt.ftl — plain-text body of the daily digest of RINGAN cases for one region (SPEC §6, §7).
  Its HTML twin is digest.html.ftlh: change both together. The subject is built by the hub.

  Data model. Text values are strings, "-" when absent; a misspelt name stops the digest with an error naming
  this file. There is no reporter data in a digest (it always goes to a regional office, SPEC §9).
    date               the digest's date, "14 September 2024"
    region.{known, code, name, fullName, type, government ("Pemerintah Kabupaten …"), personnelOffice ("BKPSDM"/"BKD")}
    count              number of cases
    cases              list, one per case, each with:
      caseId, incidentDate, name (BKN name with titles when verified, else as reported), nip (or "tanpa NIP"),
      hasNip (boolean),
      bknStatus ("VERIFIED" | "NOT_FOUND" | "NO_NIP"), jabatan, agency, category (label), severity,
      escalated (boolean), description (shortened to one line), evidenceCount (number of evidence links)
-->
Yth. Kepala ${region.personnelOffice} ${region.government}
di tempat

Dengan hormat,

Bersama ini kami sampaikan rekapitulasi harian tanggal ${date} atas ${count} laporan dugaan pelanggaran
netralitas Aparatur Sipil Negara (ASN) dengan tingkat pelanggaran RINGAN di lingkungan ${region.government},
dengan rincian sebagai berikut.

<#list cases as c>
${c?counter}. ${c.caseId} — kejadian ${c.incidentDate}
   Nama      : ${c.name} (<#if c.hasNip>NIP </#if>${c.nip})
  <#if c.bknStatus == "NOT_FOUND">
               NIP tidak ditemukan di BKN — perlu verifikasi
  <#elseif c.bknStatus == "NO_NIP">
               Laporan tidak mencantumkan NIP — identitas perlu diverifikasi
  </#if>
   Jabatan   : ${c.jabatan}
   Instansi  : ${c.agency}
   Kategori  : ${c.category}
   Tingkat   : ${c.severity}
   Uraian    : ${c.description}
   Bukti     : ${c.evidenceCount} tautan

</#list>
PERMOHONAN TINDAK LANJUT

Sesuai kewenangan Pejabat Pembina Kepegawaian, kami mohon Bapak/Ibu:
1. melakukan pemeriksaan terhadap setiap terlapor di atas;
2. menjatuhkan sanksi moral sesuai ketentuan kode etik dan kode perilaku ASN bila terbukti;
3. melaporkan tindak lanjut setiap kasus kepada Bawaslu dengan mencantumkan nomor kasusnya.
Rincian lengkap suatu kasus (termasuk data BKN dan tautan bukti) dapat diminta dengan membalas email ini.

Identitas para pelapor dirahasiakan untuk melindungi pelapor dari tindakan balasan. Bawaslu menyimpan
identitas tersebut; bila diperlukan untuk pemeriksaan, permintaan disampaikan secara resmi kepada Bawaslu.

Demikian kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.

Hormat kami,
Netralitas Hub

--
Email ini dikirim secara otomatis oleh Netralitas Hub. Untuk menanggapi suatu kasus, balas email ini dan
cantumkan nomor kasusnya pada subjek atau isi balasan.
