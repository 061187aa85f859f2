async def send_lines(writer, lines):
    for line in lines:
        writer.write(line.encode())
        await writer.drain()
